// the demo basemap's named landmarks and side-street names: words, kept apart from the geometry that places them.
import type { Position } from 'geojson';
import type { DemoTownPlan } from './generateDemoTown.ts';

export interface DemoLandmark {
  kind: string;
  /** the landmark's name in each interface language (names of places are often translated in Wales and Poland) */
  names: { en: string; cy: string; pl: string; ur: string };
  /** where it stands, in km around the town centre */
  at: (plan: DemoTownPlan) => Position;
}

export const DEMO_LANDMARKS: DemoLandmark[] = [
  { kind: 'library', names: { en: 'Millbrook Library', cy: 'Llyfrgell Millbrook', pl: 'Biblioteka Millbrook', ur: 'مل بروک لائبریری' }, at: (p) => [0.45, p.riverY(0.45) + 0.4] },
  { kind: 'place_of_worship', names: { en: 'St Anne\'s Church', cy: 'Eglwys Santes Ann', pl: 'Kościół św. Anny', ur: 'سینٹ این چرچ' }, at: () => [-0.6, 1.42] },
  { kind: 'station', names: { en: 'Millbrook Station', cy: 'Gorsaf Millbrook', pl: 'Stacja Millbrook', ur: 'مل بروک اسٹیشن' }, at: () => [1.0, 1.96] },
  { kind: 'marketplace', names: { en: 'Market Hall', cy: 'Neuadd y Farchnad', pl: 'Hala Targowa', ur: 'مارکیٹ ہال' }, at: (p) => [-0.35, p.riverY(-0.35) + 0.7] },
  { kind: 'clinic', names: { en: 'Millbrook Health Centre', cy: 'Canolfan Iechyd Millbrook', pl: 'Przychodnia Millbrook', ur: 'مل بروک ہیلتھ سینٹر' }, at: () => [1.6, -0.95] },
  { kind: 'school', names: { en: 'Millbrook Academy', cy: 'Academi Millbrook', pl: 'Akademia Millbrook', ur: 'مل بروک اکیڈمی' }, at: () => [1.05, -1.35] },
  { kind: 'historic', names: { en: 'The Old Mill', cy: 'Yr Hen Felin', pl: 'Stary Młyn', ur: 'پرانی چکی' }, at: (p) => [1.3, p.riverY(1.3) + 0.12] },
  { kind: 'community_centre', names: { en: 'Greenbank Community Centre', cy: 'Canolfan Gymunedol Greenbank', pl: 'Dom Kultury Greenbank', ur: 'گرین بینک کمیونٹی سینٹر' }, at: () => [-1.4, -1.5] },
];

/** Side streets take these names in turn; English street names are not translated, so they carry only `name`. */
export const DEMO_MINOR_STREET_NAMES = [
  'Acacia Avenue', 'Beech Road', 'Cedar Close', 'Dove Lane', 'Elm Grove', 'Fern Street', 'Glebe Road', 'Hawthorn Way',
  'Ivy Lane', 'Juniper Street', 'Kestrel Road', 'Larch Avenue', 'Maple Street', 'Nursery Lane', 'Oak Road',
  'Poplar Street', 'Quarry Lane', 'Rowan Avenue', 'Sycamore Road', 'Tanners Lane', 'Union Street', 'Vicarage Road',
  'Willow Walk', 'Yew Tree Lane',
];
