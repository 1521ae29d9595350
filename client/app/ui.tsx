/** Small shared building blocks: buttons, cards and labelled form fields with their errors. */
import { type ButtonHTMLAttributes, type ReactNode, useId } from 'react';

const BUTTON = {
  primary: 'bg-blue-800 text-white hover:bg-blue-900 disabled:bg-stone-400',
  secondary: 'border border-stone-500 bg-white text-stone-900 hover:bg-stone-100 disabled:text-stone-400',
  danger: 'border border-red-800 bg-white text-red-900 hover:bg-red-50 disabled:text-stone-400',
} as const;

export const buttonClass = (variant: keyof typeof BUTTON = 'primary'): string =>
  `inline-flex min-h-11 items-center justify-center gap-2 rounded-md px-4 py-2 font-semibold ${BUTTON[variant]}`;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { readonly variant?: keyof typeof BUTTON };

export function Button({ variant = 'primary', className = '', type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={`${buttonClass(variant)} ${className}`} {...rest} />;
}

interface CardProps {
  readonly children: ReactNode;
  readonly className?: string;
  /** The id of the card's heading. */
  readonly labelledBy?: string;
}

export function Card({ children, className = '', labelledBy }: CardProps) {
  return (
    <section
      className={`rounded-lg border border-stone-300 bg-white p-4 shadow-sm ${className}`}
      aria-labelledby={labelledBy}
    >
      {children}
    </section>
  );
}

/** The ids and ARIA attributes that tie an input to its label, hint and error. */
export interface FieldControl {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid': boolean;
}

interface FieldProps {
  readonly label: string;
  readonly hint?: string;
  readonly error?: string | null;
  readonly children: (control: FieldControl) => ReactNode;
}

/** A labelled control; its error is shown next to it and read out with it. */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      )}
      <div className="mt-1">
        {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': Boolean(error) })}
      </div>
      {error && (
        <p id={`${id}-error`} className="mt-1 font-semibold text-red-800" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  'min-h-11 w-full rounded-md border border-stone-500 bg-white px-3 py-2 text-lg aria-invalid:border-red-800 aria-invalid:border-2';
