import { InputNumber } from 'antd';
import { useId } from 'react';

/** A count typed beside its label (赞成 [  ]), the label tied to the field for screen readers. */
export function LabelledNumber({
  label,
  value,
  onChange,
  min = 0,
  max,
  placeholder,
  testId,
}: {
  readonly label: string;
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly min?: number;
  readonly max?: number | undefined;
  readonly placeholder?: string;
  readonly testId?: string;
}) {
  const id = useId();
  return (
    <span className="inline-field">
      <label htmlFor={id}>{label}</label>
      <InputNumber
        id={id}
        min={min}
        max={max}
        value={value}
        onChange={onChange}
        placeholder={placeholder}
        data-testid={testId}
      />
    </span>
  );
}
