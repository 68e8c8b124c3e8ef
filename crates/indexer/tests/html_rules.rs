//! One test per rule of what a page's parts give to search.

use fahras_indexer::html::{extract, Page, MAX_DEPTH, MAX_META_VALUE};

fn body(html: &str) -> String {
    extract(html).body
}

fn meta(html: &str) -> Vec<(String, String)> {
    extract(html).meta
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|&(k, v)| (k.to_string(), v.to_string())).collect()
}

// Skipped parts.

#[test]
fn chrome_and_programmatic_elements_are_skipped() {
    let html = "<body><nav>القائمة</nav><p>خبر</p><footer>حقوق</footer><form>بحث<input></form>\
        <script>var x = 'نص';</script><style>p{}</style><template><p>قالب</p></template>\
        <noscript>فعّل جافاسكربت</noscript><svg><text>أيقونة</text></svg><label>اشترك</label><p>آخر</p></body>";
    assert_eq!(body(html), "خبر\nآخر");
}

#[test]
fn media_fallbacks_and_frames_are_skipped() {
    let html = "<p>أ</p><video>متصفحك لا يدعم الفيديو</video><audio>صوت</audio><canvas>رسم</canvas>\
        <iframe><p>إطار</p></iframe><p>ب</p>";
    assert_eq!(body(html), "أ\nب");
}

#[test]
fn head_content_other_than_title_and_meta_is_skipped() {
    let page = extract(
        "<html><head><title>العنوان</title><meta name=description content=وصف><link rel=x>\
         <base href=/><style>a{}</style></head><body>المتن</body></html>",
    );
    assert_eq!(page.body, "المتن");
    assert_eq!(page.title.as_deref(), Some("العنوان"));
    assert_eq!(page.meta, pairs(&[("description", "وصف")]));
}

#[test]
fn text_in_the_head_starts_the_body_as_in_browsers() {
    assert_eq!(body("<head><title>t</title>نص شارد<meta name=author content=x></head><p>متن</p>"), "نص شارد\nمتن");
    assert_eq!(body("<head><title>t</title><div>متن</div>"), "متن");
}

#[test]
fn hidden_elements_are_skipped_but_until_found_is_kept() {
    assert_eq!(body("<p>ظاهر</p><div hidden><p>مخفي</p></div><p HIDDEN=hidden>مخفي</p>"), "ظاهر");
    assert_eq!(body("<p>ظاهر</p><div hidden=until-found>يظهر عند البحث</div>"), "ظاهر\nيظهر عند البحث");
}

#[test]
fn aria_hidden_is_not_a_skip_signal() {
    assert_eq!(body("<p>أ<span aria-hidden=true>ب</span></p>"), "أب");
}

#[test]
fn ignore_attributes_in_both_spellings() {
    let html = "<p>يبقى</p><aside data-fahras-ignore>يحذف</aside><div data-pagefind-ignore=index>يحذف</div>\
        <div data-pagefind-ignore=all>يحذف</div><div data-fahras-ignore=\"ALL\">يحذف</div><p>يبقى أيضا</p>";
    assert_eq!(body(html), "يبقى\nيبقى أيضا");
}

#[test]
fn ignored_text_leaks_into_no_field() {
    let page = extract(
        "<main data-fahras-body><h1>العنوان<span hidden> سر</span></h1><p>نص<span data-fahras-ignore> سر</span></p>\
         <nav>سر</nav></main>",
    );
    assert_eq!(page.h1.as_deref(), Some("العنوان"));
    assert_eq!(page.marked_body.as_deref(), Some("العنوان\nنص"));
    assert_eq!(page.main.as_deref(), Some("العنوان\nنص"));
    assert_eq!(page.body, "العنوان\nنص");
}

#[test]
fn comments_doctype_cdata_and_processing_instructions_vanish() {
    assert_eq!(
        body("<!DOCTYPE html><?xml version='1.0'?><p>أ<!-- تعليق -->ب<![CDATA[ بيانات ]]>ج</p><!-- لم يغلق"),
        "أبج"
    );
}

// Text.

#[test]
fn inline_elements_do_not_split_words() {
    assert_eq!(
        body("<p><b>ال</b>كتاب <span>ال<i>ج</i>ديد</span> <a href=#>مكت</a><em>بة</em></p>"),
        "الكتاب الجديد مكتبة"
    );
    assert_eq!(body("<p>ال<mark>ق</mark><strong>ر</strong><sup>آ</sup><small>ن</small></p>"), "القرآن");
}

#[test]
fn block_elements_end_lines() {
    assert_eq!(
        body("<div>أ<div>ب</div>ج</div><ul><li>د<li>هـ</ul><h2>و</h2>ز<br>ح<hr>ط"),
        "أ\nب\nج\nد\nهـ\nو\nز\nح\nط"
    );
    assert_eq!(
        body(
            "<section>أ</section><article>ب</article><blockquote>ج</blockquote><dl><dt>د<dd>هـ</dl>\
              <figure>و<figcaption>ز</figcaption></figure><header>ح</header><aside>ط</aside><address>ي</address>\
              <details><summary>ك</summary>ل</details>"
        ),
        "أ\nب\nج\nد\nهـ\nو\nز\nح\nط\nي\nك\nل"
    );
}

#[test]
fn table_cells_are_separated_by_spaces_and_rows_by_lines() {
    assert_eq!(body("<table><tr><th>الاسم<th>العمر<tr><td>علي<td>30</table>بعد"), "الاسم العمر\nعلي 30\nبعد");
    // A cell of an inner table does not close the outer cell.
    assert_eq!(body("<table><tr><td>أ<table><tr><td>ب<td>ج</table>د<td>هـ</table>"), "أ\nب ج\nد هـ");
}

#[test]
fn whitespace_is_collapsed_and_empty_lines_dropped() {
    assert_eq!(
        body("  <p>  كلمة \n\t أخرى&nbsp;&nbsp;ثالثة </p>\n\n<div> </div><p></p>  <p>\nأخيرة\n</p>"),
        "كلمة أخرى ثالثة\nأخيرة"
    );
}

#[test]
fn pre_keeps_its_line_breaks() {
    assert_eq!(body("<pre>سطر  أول\nسطر ثان\n\n  ثالث</pre><p>بعد\nذلك</p>"), "سطر أول\nسطر ثان\nثالث\nبعد ذلك");
}

#[test]
fn character_references_in_text_and_attributes() {
    let page = extract(
        "<p>&#1587;&#x644;&#x627;&#1605; &amp; &laquo;سلام&raquo; &copy 2024 &#xD800; &bogus;</p>\
         <img data-fahras-meta='image[src], alt[alt]' src='/a?x=1&amp;y=2&copy=3' alt='&quot;صورة&quot;'>",
    );
    assert_eq!(page.body, "سلام & «سلام» © 2024 \u{FFFD} &bogus;");
    assert_eq!(page.meta, pairs(&[("image", "/a?x=1&y=2&copy=3"), ("alt", "\"صورة\"")]));
}

#[test]
fn escaped_markup_is_text_but_markup_never_is() {
    assert_eq!(body("<p>&lt;b&gt; a < b <> <3 </p>"), "<b> a < b <> <3");
}

// Tokenizer tolerance.

#[test]
fn uppercase_tags_and_all_attribute_quotings() {
    let page = extract("<HTML LANG=ar Dir='rtl'><BODY><P Class=x data-fahras-meta=\"a:1\">نص</P><MAIN hidden>x</MAIN>");
    assert_eq!((page.lang.as_deref(), page.dir.as_deref()), (Some("ar"), Some("rtl")));
    assert_eq!(page.body, "نص");
    assert_eq!(page.meta, pairs(&[("a", "1")]));
}

#[test]
fn markup_cut_off_at_the_end_keeps_the_text_before() {
    assert_eq!(body("<p>نص كامل</p><p>وآخر <a href='x"), "نص كامل\nوآخر");
    assert_eq!(body("<p>نص</p><!-- تعليق لم يغلق"), "نص");
    assert_eq!(body("<p>نص</p><script>لا نهاية"), "نص");
    assert_eq!(body("<p>نص</p><div"), "نص");
}

#[test]
fn scripts_end_at_their_end_tag_even_inside_strings() {
    assert_eq!(body("<p>أ</p><script>document.write('</SCRIPT>ب')</script><p>ج</p>"), "أ\nب')\nج");
    assert_eq!(body("<script>if (a<b && c>d) x('<p>')</script><p>ج</p>"), "ج");
    assert_eq!(body("<style>p::after{content:'</p>'}</style>أ"), "أ");
}

#[test]
fn title_and_textarea_hold_text_not_markup() {
    let page = extract("<title>عنوان <b>عريض</b> &amp; آخر</title><textarea>أ <p>ب</p> &lt;</textarea>");
    assert_eq!(page.title.as_deref(), Some("عنوان <b>عريض</b> & آخر"));
    assert_eq!(page.body, "أ <p>ب</p> <");
}

#[test]
fn xmp_and_plaintext_hold_literal_text() {
    assert_eq!(body("<xmp><b>أ</b> &amp;</xmp>ب"), "<b>أ</b> &amp;\nب");
    assert_eq!(body("أ<plaintext></plaintext><p>&lt;ب"), "أ\n</plaintext><p>&lt;ب");
}

#[test]
fn void_elements_and_self_closing_syntax() {
    assert_eq!(body("أ<br/>ب<img src=x>ج<input/>د<wbr>هـ"), "أ\nبجدهـ");
    // `<div/>` opens a div that stays open, as in browsers; so does `<nav/>`, which hides what follows.
    assert_eq!(body("<div/>أ</div>ب"), "أ\nب");
    assert_eq!(body("<p>أ</p><nav/><p>ب</p>"), "أ");
    assert_eq!(body("<p>أ<svg/>ب</p>"), "أب");
}

#[test]
fn a_new_paragraph_or_item_closes_the_open_one() {
    assert_eq!(body("<p>أ<p>ب<div>ج</div>"), "أ\nب\nج");
    assert_eq!(body("<ul><li>أ<li>ب<ul><li>ج<li>د</ul><li>هـ</ul>"), "أ\nب\nج\nد\nهـ");
    assert_eq!(
        body("<select><option>العربية<option>English<optgroup><option>فارسی</select>"),
        "العربية\nEnglish\nفارسی"
    );
    let page = extract("<p>خبر<nav>قائمة</nav>بقية");
    assert_eq!(page.body, "خبر\nبقية");
}

#[test]
fn stray_end_tags_are_ignored() {
    assert_eq!(body("أ</span>ب</div></li>ج</b>"), "أبج");
    assert_eq!(body("<span><div>أ</span>ب</div>ج"), "أب\nج");
    assert_eq!(body("أ</p>ب"), "أ\nب");
}

#[test]
fn an_end_tag_closes_the_elements_left_open_inside() {
    assert_eq!(body("<div><span><b>أ</div>ب"), "أ\nب");
    assert_eq!(body("<div><nav>قائمة</div>نص"), "نص");
}

#[test]
fn an_unclosed_skipped_element_skips_to_the_end_of_its_parent() {
    let page = extract("<main><p>مقدمة</p><nav>روابط<p>داخل القائمة</main><p>بعد</p>");
    assert_eq!(page.main.as_deref(), Some("مقدمة"));
    assert_eq!(page.body, "مقدمة\nبعد");
    assert_eq!(body("<p>أ</p><nav>قائمة<p>لا شيء بعد هذا"), "أ");
}

#[test]
fn headings_close_open_headings() {
    let page = extract("<h1>العنوان<h2>فرعي</h2>نص");
    assert_eq!(page.h1.as_deref(), Some("العنوان"));
    assert_eq!(page.body, "العنوان\nفرعي\nنص");
    assert_eq!(body("<h2>أ</h3>ب"), "أ\nب");
}

#[test]
fn svg_and_math_are_foreign_content() {
    let page = extract("<title>الصفحة</title><svg><title>أيقونة</title><style>x</style><g/><text>رسم</text></svg>نص");
    assert_eq!(page.title.as_deref(), Some("الصفحة"));
    assert_eq!(page.body, "نص");
    // An HTML element inside an unclosed <svg> ends it, as in browsers.
    assert_eq!(body("<svg><path d=x><p>نص</p>"), "نص");
    assert_eq!(body("<p>س = <math><mi>x</mi><mo>+</mo><mn>1</mn></math></p>"), "س = x+1");
}

// Title candidates.

#[test]
fn first_h1_outside_skipped_parts() {
    let h1 = |html: &str| extract(html).h1;
    assert_eq!(h1("<header><h1>  عنوان \n الخبر </h1></header><h1>ثان</h1>").as_deref(), Some("عنوان الخبر"));
    assert_eq!(
        h1("<nav><h1>الموقع</h1></nav><h1 hidden>مخفي</h1><div data-fahras-ignore><h1>مهمل</h1></div><h1>الخبر</h1>")
            .as_deref(),
        Some("الخبر")
    );
    assert_eq!(h1("<h1><img alt=شعار></h1><h1>الأول<br>بنص</h1>").as_deref(), Some("الأول بنص"));
    assert_eq!(h1("<h2>لا</h2>"), None);
}

#[test]
fn title_is_the_first_non_empty_one() {
    assert_eq!(extract("<title> </title><title>  عنوان&nbsp;الصفحة </title>").title.as_deref(), Some("عنوان الصفحة"));
    assert_eq!(extract("<p>لا عنوان</p>").title, None);
    assert_eq!(extract("<template><title>قالب</title></template>").title, None);
}

// Body candidates.

#[test]
fn marked_body_joins_marked_elements_in_document_order() {
    let page = extract(
        "<p>مقدمة</p><div data-fahras-body>أ<div data-fahras-body>ب</div></div><p>وسط</p>\
         <section data-pagefind-body>ج</section>",
    );
    assert_eq!(page.marked_body.as_deref(), Some("أ\nب\nج"));
    assert_eq!(page.body, "مقدمة\nأ\nب\nوسط\nج");
    assert_eq!(extract("<p>نص</p>").marked_body, None);
    assert_eq!(extract("<div data-fahras-body></div><p>نص</p>").marked_body.as_deref(), Some(""));
    assert_eq!(extract("<body data-pagefind-body><p>كل شيء</p>").marked_body.as_deref(), Some("كل شيء"));
}

#[test]
fn main_is_the_first_main_outside_skipped_parts() {
    let page =
        extract("<header>رأس</header><main hidden>مخفي</main><main>أول<main>داخلي</main></main><main>ثان</main>");
    assert_eq!(page.main.as_deref(), Some("أول\nداخلي"));
    assert_eq!(extract("<p>نص</p>").main, None);
    assert_eq!(extract("<main></main>").main.as_deref(), Some(""));
}

#[test]
fn body_is_the_whole_document_without_a_body_tag() {
    assert_eq!(body("نص قبل <b>عريض</b>"), "نص قبل عريض");
    assert_eq!(body("<html><body><p>أ</p></body></html>بعد الجسم"), "أ\nبعد الجسم");
}

#[test]
fn lang_and_dir_of_the_html_element() {
    let page = extract("<!doctype html><html lang=\" ar-EG \" dir=rtl><body>x");
    assert_eq!((page.lang.as_deref(), page.dir.as_deref()), (Some("ar-EG"), Some("rtl")));
    let page = extract("<html lang=''><div lang=ar>x");
    assert_eq!((page.lang, page.dir), (None, None));
}

// Metadata.

#[test]
fn meta_literal_text_and_attribute_items() {
    let html = "<h1 data-fahras-meta='headline'>  عنوان   الخبر </h1>\
        <div data-fahras-meta='date:2024-05-01'></div>\
        <img data-pagefind-meta='image[src], image_alt[alt]' src='/صورة.jpg' alt='وصف الصورة'>\
        <a href=/ title='الرئيسية' data-pagefind-meta='link_text, link_title[title], other:نص حر، مع فاصلة, حتى النهاية'>اذهب</a>";
    assert_eq!(
        meta(html),
        pairs(&[
            ("headline", "عنوان الخبر"),
            ("date", "2024-05-01"),
            ("image", "/صورة.jpg"),
            ("image_alt", "وصف الصورة"),
            ("link_text", "اذهب"),
            ("link_title", "الرئيسية"),
            ("other", "نص حر، مع فاصلة, حتى النهاية"),
        ])
    );
}

#[test]
fn meta_keys_and_values_are_trimmed_and_never_empty() {
    let html = "<p data-fahras-meta='  ,  k2 ,  k : v '>نص</p><p data-fahras-meta=':x'></p>\
        <img data-fahras-meta='a[missing], b:   '><i data-fahras-meta=e></i>";
    assert_eq!(meta(html), pairs(&[("k2", "نص"), ("k", "v")]));
}

#[test]
fn meta_text_leaves_out_skipped_parts_and_nests() {
    let html = "<div data-fahras-meta=outer>أ<span data-fahras-meta=inner>ب<b hidden>سر</b>ج</span>\
        <nav><span data-fahras-meta=in_nav>قائمة</span></nav>د</div>";
    assert_eq!(meta(html), pairs(&[("outer", "أبج د"), ("inner", "بج"), ("in_nav", "قائمة")]));
}

#[test]
fn meta_in_ignored_elements_counts_unless_all_is_ignored() {
    let html = "<aside data-fahras-ignore data-fahras-meta='a:1'><span data-fahras-meta=b>ب</span></aside>\
        <aside data-fahras-ignore=all data-fahras-meta='c:3'><span data-fahras-meta=d>د</span><meta name=author content=x></aside>\
        <template><i data-fahras-meta='e:5'></i></template><nav hidden><i data-pagefind-meta='f:6'></i></nav>";
    assert_eq!(meta(html), pairs(&[("a", "1"), ("b", "ب"), ("f", "6")]));
}

#[test]
fn attributes_of_a_late_body_apply_from_there_on() {
    let page = extract("<p><b data-fahras-meta=k>الكتاب <body data-fahras-meta=all data-fahras-body>الجديد");
    assert_eq!(page.meta, pairs(&[("k", "الكتاب الجديد"), ("all", "الجديد")]));
    assert_eq!(page.marked_body.as_deref(), Some("الجديد"));
    // Still inside the hidden element: its text is not the document's.
    let page = extract("<b hidden data-fahras-meta=k>سر <body data-fahras-meta=all>مخفي");
    assert_eq!(page.meta, pairs(&[("k", "سر مخفي")]));
}

#[test]
fn meta_tags_with_known_names() {
    let html = "<head><meta name=Description content='  وصف   الخبر '><meta NAME=author content=كاتب>\
        <meta name=keywords content='أ، ب'><meta name=viewport content=width><meta property=og:title content=لا>\
        <meta property=article:published_time content=2024-05-01T10:00><meta property=article:section content=رياضة>\
        <meta property=article:author content=https://x/y><meta name=category content=''><meta name=publisher content=الناشر>\
        <meta name=date content=2024><meta name=section content=قسم><meta charset=utf-8></head>";
    assert_eq!(
        meta(html),
        pairs(&[
            ("description", "وصف الخبر"),
            ("author", "كاتب"),
            ("keywords", "أ، ب"),
            ("date", "2024-05-01T10:00"),
            ("section", "رياضة"),
            ("author", "https://x/y"),
            ("publisher", "الناشر"),
            ("date", "2024"),
            ("section", "قسم"),
        ])
    );
}

#[test]
fn meta_values_are_capped() {
    let long = "كلمة ".repeat(1000);
    let page = extract(&format!("<p data-fahras-meta=k>{long}</p><p data-fahras-meta='l:{long}'></p>"));
    for (_, value) in &page.meta {
        assert!(value.len() <= MAX_META_VALUE && value.len() > MAX_META_VALUE - 20, "{}", value.len());
        assert!(value.starts_with("كلمة كلمة"));
    }
}

#[test]
fn filters_take_every_value() {
    let page = extract(
        "<span data-pagefind-filter=author>علي</span> و <span data-fahras-filter=author>سارة</span>\
         <h1 data-section=أخبار data-pagefind-filter='heading, tag[data-section], type:مقال'>العنوان</h1>",
    );
    assert_eq!(
        page.filters,
        pairs(&[("author", "علي"), ("author", "سارة"), ("heading", "العنوان"), ("tag", "أخبار"), ("type", "مقال")])
    );
    assert!(page.meta.is_empty());
}

// Limits.

#[test]
fn elements_deeper_than_the_cap_are_flattened() {
    let depth = MAX_DEPTH + 100;
    let html = format!(
        "{}<span hidden>مسطح</span><script>لا</script><p>أ</p>{}<p>بعد</p>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    assert_eq!(body(&html), "مسطح\nأ\nبعد");
}

#[test]
fn empty_input_gives_an_empty_page() {
    assert_eq!(extract(""), Page::default());
}

#[test]
fn title_and_text_of_a_plain_page() {
    let page = extract("<title>عنوان &amp; آخر</title><nav>x</nav><p>مرحبا <b>بالعالم</b></p><p>&#1587;&lt;</p>");
    assert_eq!(page.title.as_deref(), Some("عنوان & آخر"));
    assert_eq!(page.body, "مرحبا بالعالم\nس<");
    assert_eq!(body("a &#xZZ; &"), "a &#xZZ; &");
}
