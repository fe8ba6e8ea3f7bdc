export { LunarDatePicker } from './LunarDatePicker.tsx';
export { type LunarDate, lunarCellLabel, lunarOf, lunarOfIso } from './lunar.ts';
