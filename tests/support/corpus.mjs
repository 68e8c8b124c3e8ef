// Queries over the default corpus (corpus/) and the document each must rank first,
// named by the start of the document id (the file name's number).
export const FIRST_HITS = [
  ['ريف حلب الغربي', '004'],
  ['رونالدو', '000'],
  ['إرهاب روسيا', '002'],
  ['غاز الكلور', '003'],
];
