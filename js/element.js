import { defineFahrasSearch } from '../www/fahras-search.js';
import { load } from './browser.js';

defineFahrasSearch(load);

export { load };
