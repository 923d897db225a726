import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import type { DelegateView } from '../../../../contract/delegates.ts';
import { filterDelegates } from '../lib/delegate-filter.ts';

// Choosing delegates by name, pinyin initials (wxq) or code, as the delegate list filters them:
// executive chairs, body members, candidates, scrutineers.

type Props = {
  /** Those who may be chosen. */
  readonly delegates: readonly DelegateView[];
  readonly placeholder: string;
  readonly testId: string;
  readonly style?: CSSProperties;
  readonly disabled?: boolean;
} & (
  | {
      readonly multiple: true;
      readonly value: readonly string[];
      readonly onChange: (ids: string[]) => void;
    }
  | {
      readonly multiple?: false;
      readonly value: string | null;
      readonly onChange: (id: string | null) => void;
    }
);

export function DelegateSelect(props: Props) {
  const { delegates, placeholder, testId, style, disabled } = props;
  const byId = useMemo(() => new Map(delegates.map((d) => [d.id, d])), [delegates]);
  const options = useMemo(
    () =>
      delegates.map((d) => ({
        value: d.id,
        label: d.delegation ? `${d.name}（${d.delegation}）` : d.name,
      })),
    [delegates],
  );
  const showSearch = {
    filterOption: (input: string, option?: { value?: string | number | null }) => {
      const delegate = byId.get(String(option?.value));
      return delegate !== undefined && filterDelegates([delegate], input).length === 1;
    },
  };
  const common = {
    options,
    placeholder,
    showSearch,
    disabled,
    style: { width: '100%', ...style },
    'data-testid': testId,
    popupMatchSelectWidth: false,
    virtual: true,
  } as const;
  if (props.multiple) {
    return (
      <Select<string[]>
        {...common}
        mode="multiple"
        value={[...props.value]}
        onChange={(ids) => props.onChange(ids)}
      />
    );
  }
  return (
    <Select<string>
      {...common}
      allowClear
      value={props.value ?? undefined}
      onChange={(id) => props.onChange(id ?? null)}
    />
  );
}
