//! A whole Arabic news page with the usual noise around the article.

use fahras_indexer::html::extract;

const NEWS: &str = include_str!("fixtures/news.html");

const ARTICLE: &str = "ثقافة
افتتاح مكتبة عامة جديدة في المدينة
بقلم سارة المنصوري · ١ مايو ٢٠٢٤
واجهة المكتبة الجديدة في وسط المدينة.
افتتحت البلدية صباح اليوم المكتبة العامة الجديدة، وهي تضم أكثر من مئة ألف كتاب في الأدب والعلوم والتاريخ.
وقال رئيس البلدية في كلمته: «المعرفة حق للجميع»، مضيفاً أن المكتبة ستفتح أبوابها سبعة أيام في الأسبوع — من التاسعة صباحاً حتى العاشرة مساءً.
قاعات للقراءة والبحث
وتضم المكتبة قاعات مخصصة للأطفال، وأخرى للباحثين مزودة بحواسيب وخدمة إنترنت مجانية.
قاعة الأطفال: ٢٠٠ مقعد
قاعة الباحثين: ٨٠ مقعداً
قاعة المخطوطات
اليوم ساعات العمل
السبت – الخميس ٩ – ٢٢
الجمعة ١٤ – ٢٢
الكتاب خير جليس.";

const RELATED: &str = "أخبار ذات صلة
معرض الكتاب يستقبل زواره
مبادرة لتشجيع القراءة في المدارس";

#[test]
fn title_candidates_and_language() {
    let page = extract(NEWS);
    assert_eq!(page.h1.as_deref(), Some("افتتاح مكتبة عامة جديدة في المدينة"));
    assert_eq!(page.title.as_deref(), Some("افتتاح مكتبة عامة جديدة في المدينة | جريدة الفهرس"));
    assert_eq!(page.lang.as_deref(), Some("ar"));
    assert_eq!(page.dir.as_deref(), Some("rtl"));
}

#[test]
fn marked_article_main_and_body() {
    let page = extract(NEWS);
    assert_eq!(page.marked_body.as_deref(), Some(ARTICLE));
    assert_eq!(page.main, Some(format!("{ARTICLE}\n{RELATED}")));
    assert_eq!(page.body, format!("انتقل إلى المحتوى\nجريدة الفهرس\n{ARTICLE}\n{RELATED}"));
}

#[test]
fn no_noise_reaches_any_text() {
    let page = extract(NEWS);
    let texts = [page.body.as_str(), page.main.as_deref().unwrap(), page.marked_body.as_deref().unwrap()];
    for noise in [
        "سياسة",       // nav
        "ابحث",        // form
        "عاجل",        // data-fahras-ignore
        "إعلان",        // data-pagefind-ignore="all"
        "مخفي",        // hidden
        "شارك",        // ignored share links
        "تتبع",        // script and noscript
        "تعليق",       // template and textarea in a form
        "حقوق",        // footer
        "شعار",        // svg title
        "font-family", // style
        "dataLayer",   // script
        "NewsArticle", // JSON-LD
    ] {
        for text in texts {
            assert!(!text.contains(noise), "{noise:?} leaked into {text:?}");
        }
    }
}

#[test]
fn metadata_from_meta_tags_and_marked_elements() {
    let page = extract(NEWS);
    let meta: Vec<(&str, &str)> = page.meta.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        meta,
        [
            ("description", "افتتحت البلدية مكتبة عامة تضم مئة ألف كتاب ومساحات للقراءة والبحث."),
            ("keywords", "مكتبة، ثقافة، قراءة"),
            ("author", "سارة المنصوري"),
            ("date", "2024-05-01T09:30:00+03:00"),
            ("section", "ثقافة"),
            ("headline", "افتتاح مكتبة عامة جديدة في المدينة"),
            ("author", "سارة المنصوري"),
            ("date", "2024-05-01"),
            ("image", "/img/library.jpg"),
            ("image_alt", "واجهة المكتبة الجديدة"),
        ]
    );
    let filters: Vec<(&str, &str)> = page.filters.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(filters, [("section", "ثقافة"), ("author", "سارة المنصوري")]);
}
