// Entry of the classic-script bundle dist/fahras.js (one <script src>, works from file://).
import { load } from './element.js';

globalThis.Fahras = { load };
