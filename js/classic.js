// Entry of the classic-script bundle dist/fahras.js (one <script src>, works from file://).
import { arabicNumber } from '../widget/arabic-messages.js';
import { load } from './element.js';

// arabicNumber: the widget's own Arabic-Indic number writing, for the page around it.
globalThis.Fahras = { load, arabicNumber };
