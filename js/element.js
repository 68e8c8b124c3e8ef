import { defineFahrasSearch } from '../widget/fahras-search.js';
import { load } from './browser.js';

defineFahrasSearch(load);

export { load };
