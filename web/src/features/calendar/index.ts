export { LunarDatePicker, LunarRangePicker } from './LunarDatePicker.tsx';
export { type LunarDate, lunarCellLabel, lunarOf, lunarOfIso } from './lunar.ts';
export { SolarLunarDate } from './SolarLunarDate.tsx';
export { useWorkingDays } from './useWorkingDays.ts';
