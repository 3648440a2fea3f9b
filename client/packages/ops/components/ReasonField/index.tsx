import { Input } from '@tarojs/components';
import { REASON_LENGTH } from '@shared/contracts/ops';
import { Field } from '../Field';

/** A reason the functions accept: 2 to 100 characters once trimmed. */
export function reasonReady(reason: string): boolean {
  const n = reason.trim().length;
  return n >= REASON_LENGTH.min && n <= REASON_LENGTH.max;
}

export interface ReasonFieldProps {
  label: string;
  placeholder: string;
  value: string;
  onChange: (reason: string) => void;
  /** A staff change may go without one. */
  optional?: boolean;
}

/** 原因: why ops make a change (kept in the audit, and on the ledger entry for points). */
export function ReasonField({ label, placeholder, value, onChange, optional = false }: ReasonFieldProps) {
  const problem = !optional && value !== '' && !reasonReady(value) ? `原因至少 ${REASON_LENGTH.min} 个字` : null;
  return (
    <Field label={label} error={problem}>
      <Input
        className="ops-field__input"
        value={value}
        placeholder={placeholder}
        maxlength={REASON_LENGTH.max}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}
