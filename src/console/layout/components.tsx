import type { ReactNode } from 'react';
import type { Lang } from './i18n';
import { SHELL } from './texts';

/** Form errors by field name; the summary links to `#f-<name>`. */
export type FieldErrors = Record<string, string>;

export const fieldId = (name: string) => `f-${name}`;

/** GOV.UK error summary: first in main, announced, each message a link to its field. */
export function ErrorSummary({ errors, lang }: { errors: FieldErrors; lang: Lang }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-autofocus="true">
      <h2 id="error-summary-title">{SHELL[lang].errorSummary}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  lang: Lang;
}

export function describedBy(name: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and error message, with the ids aria-describedby points at. */
function HintAndError({ name, hint, error, lang }: { name: string; hint?: string; error?: string; lang: Lang }) {
  return (
    <>
      {hint && (
        <div className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="error-message" id={`${fieldId(name)}-error`}>
          <span className="visually-hidden">{SHELL[lang].errorPrefix} </span>
          {error}
        </p>
      )}
    </>
  );
}

export function FieldFrame({ name, label, hint, error, lang, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <label className="label" htmlFor={fieldId(name)}>
        {label}
      </label>
      <HintAndError name={name} hint={hint} error={error} lang={lang} />
      {children}
    </div>
  );
}

export function TextInput(props: FieldProps & { value?: string; type?: 'text' | 'email' | 'tel' | 'password'; autoComplete?: string; inputMode?: 'numeric' | 'text'; width?: 'full' | 'short' }) {
  const { name, hint, error, value, type = 'text', autoComplete, inputMode, width = 'full' } = props;
  return (
    <FieldFrame {...props}>
      <input
        className={`input input-${width}`}
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={false}
        aria-describedby={describedBy(name, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </FieldFrame>
  );
}

export function Select(props: FieldProps & { value?: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const { name, hint, error, value, options, placeholder } = props;
  return (
    <FieldFrame {...props}>
      <select className="select" id={fieldId(name)} name={name} defaultValue={value ?? ''} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function FileUpload(props: FieldProps & { accept?: string }) {
  const { name, hint, error, accept } = props;
  return (
    <FieldFrame {...props}>
      <input className="file-upload" id={fieldId(name)} name={name} type="file" accept={accept} aria-describedby={describedBy(name, hint, error)} aria-invalid={error ? true : undefined} />
    </FieldFrame>
  );
}

/** A group of checkboxes; the first box carries the field id, so the error summary can link to it. */
export function Checkboxes(props: { name: string; legend: string; hint?: string; error?: string; lang: Lang; items: { value: string; label: string; hint?: string }[]; checked: string[] }) {
  const { name, legend, hint, error, lang, items, checked } = props;
  return (
    <div className={error ? 'field field-error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="legend">{legend}</legend>
        <HintAndError name={name} hint={hint} error={error} lang={lang} />
        <div className="checkboxes">
          {items.map((item, i) => {
            const id = i === 0 ? fieldId(name) : `${fieldId(name)}-${item.value}`;
            return (
              <div className="checkbox" key={item.value}>
                <input className="checkbox-input" id={id} name={name} type="checkbox" value={item.value} defaultChecked={checked.includes(item.value)} aria-describedby={item.hint ? `${id}-hint` : undefined} />
                <label className="checkbox-label" htmlFor={id}>
                  {item.label}
                </label>
                {item.hint && (
                  <div className="hint checkbox-hint" id={`${id}-hint`}>
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({ children, secondary, warning, name, value }: { children: ReactNode; secondary?: boolean; warning?: boolean; name?: string; value?: string }) {
  const cls = ['button', secondary ? 'button-secondary' : '', warning ? 'button-warning' : ''].filter(Boolean).join(' ');
  return (
    <button type="submit" className={cls} name={name} value={value}>
      {children}
    </button>
  );
}

/** A form posting to our own origin; `multipart` for file uploads. */
export function Form({ action, children, multipart }: { action: string; children: ReactNode; multipart?: boolean }) {
  return (
    <form method="post" action={action} encType={multipart ? 'multipart/form-data' : undefined} noValidate>
      {children}
    </form>
  );
}

export function SummaryList({ rows }: { rows: [ReactNode, ReactNode][] }) {
  return (
    <dl className="summary-list">
      {rows.map(([key, value], i) => (
        <div className="summary-row" key={i}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A table with a caption; numeric columns are right-aligned. */
export function Table({ caption, head, rows, numeric = [] }: { caption: string; head: string[]; rows: ReactNode[][]; numeric?: number[] }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th scope="col" key={i} className={numeric.includes(i) ? 'num' : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th scope="row" key={c} className={numeric.includes(c) ? 'num' : undefined}>
                    {cell}
                  </th>
                ) : (
                  <td key={c} className={numeric.includes(c) ? 'num' : undefined}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Inset({ children }: { children: ReactNode }) {
  return <div className="inset">{children}</div>;
}

export function Warning({ children }: { children: ReactNode }) {
  return (
    <div className="warning">
      <span className="warning-icon" aria-hidden="true">
        !
      </span>
      <strong className="warning-text">{children}</strong>
    </div>
  );
}

/**
 * A region that console.js refreshes from `src` every few seconds (it reloads the page once the
 * fragment says `data-final`; at `reload` instead when given, for pages that can answer a form post).
 * Without JavaScript, the refresh link does the same by hand.
 */
export function LiveRegion({ src, children, lang, reload }: { src: string; children: ReactNode; lang: Lang; reload?: string }) {
  return (
    <div className="live" data-poll={src} data-reload={reload} aria-live="polite">
      {children}
      <p className="no-js-only">
        <a href={reload ?? ''}>{SHELL[lang].refresh}</a>
      </p>
    </div>
  );
}
