import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { flattenForPicker } from '../units/tree.ts';
import { useUnits } from '../units/units.api.ts';

/** A unit picker showing the tree by indentation; searchable by name or code. */
export function UnitSelect(props: Omit<SelectProps<string>, 'options'>) {
  const { data: units = [] } = useUnits();
  const options = useMemo(
    () =>
      flattenForPicker(units).map(({ unit, level }) => ({
        value: unit.id,
        label: unit.name,
        search: `${unit.name} ${unit.code} ${unit.shortName}`,
        title: unit.code,
        level,
      })),
    [units],
  );
  return (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'search' }}
      options={options}
      optionRender={(o) => <span style={{ paddingInlineStart: (o.data.level as number) * 14 }}>{o.data.label}</span>}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
