import { InputNumber, type InputNumberProps } from 'antd';

/**
 * Points of the index as officers write them: from 0, in quarters, with a decimal comma (7,25).
 * Every other InputNumber prop (max, size, value, handlers…) passes through.
 */
export function PointsInput(props: InputNumberProps<number>) {
  return <InputNumber<number> min={0} step={0.25} decimalSeparator="," {...props} />;
}
