// Thin React wrappers around the NL Design System Utrecht components (the CSS component
// library, @utrecht/component-library-css, themed by the Voorbeeld design tokens). Only the
// class names and the HTML they expect live here; the screens use these.

import {
  forwardRef,
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type LabelHTMLAttributes,
  type TdHTMLAttributes,
  type ThHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TableHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";

function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}

// --- Headings and text -----------------------------------------------------------------

type HeadingProps = HTMLAttributes<HTMLHeadingElement> & { children: ReactNode };

export const Heading1 = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading1(
  { className, ...rest },
  ref,
) {
  return <h1 ref={ref} className={cx("utrecht-heading-1", className)} {...rest} />;
});

export const Heading2 = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading2(
  { className, ...rest },
  ref,
) {
  return <h2 ref={ref} className={cx("utrecht-heading-2", className)} {...rest} />;
});

export function Heading3({ className, ...rest }: HeadingProps) {
  return <h3 className={cx("utrecht-heading-3", className)} {...rest} />;
}

export function Paragraph({
  className,
  lead,
  small,
  ...rest
}: HTMLAttributes<HTMLParagraphElement> & { lead?: boolean; small?: boolean }) {
  return (
    <p
      className={cx(
        "utrecht-paragraph",
        lead && "utrecht-paragraph--lead",
        small && "utrecht-paragraph--small",
        className,
      )}
      {...rest}
    />
  );
}

// --- Buttons -----------------------------------------------------------------------------

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  appearance?: "primary-action-button" | "secondary-action-button" | "subtle-button";
  busy?: boolean;
};

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { appearance = "secondary-action-button", busy, className, type = "button", disabled, ...rest },
  ref,
) {
  const modifier =
    appearance === "primary-action-button"
      ? "utrecht-button--primary-action"
      : appearance === "subtle-button"
        ? "utrecht-button--subtle"
        : "utrecht-button--secondary-action";
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled}
      aria-busy={busy || undefined}
      className={cx(
        "utrecht-button",
        modifier,
        busy && "utrecht-button--busy",
        disabled && "utrecht-button--disabled",
        className,
      )}
      {...rest}
    />
  );
});

/** A button that looks like a link (for in-text actions such as "Naar het veld"). */
export function LinkButton({ className, type = "button", ...rest }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      className={cx("utrecht-link-button", "utrecht-link-button--html-button", className)}
      {...rest}
    />
  );
}

export function ButtonGroup({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-button-group", "rb-button-group", className)} {...rest} />;
}

// --- Form controls -------------------------------------------------------------------------

type TextboxProps = InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean };

export const Textbox = forwardRef<HTMLInputElement, TextboxProps>(function Textbox(
  { invalid, className, type = "text", ...rest },
  ref,
) {
  return (
    <input
      ref={ref}
      type={type}
      aria-invalid={invalid || undefined}
      className={cx("utrecht-textbox", "utrecht-textbox--html-input", invalid && "utrecht-textbox--invalid", className)}
      {...rest}
    />
  );
});

type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean };

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { invalid, className, ...rest },
  ref,
) {
  return (
    <textarea
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cx(
        "utrecht-textarea",
        "utrecht-textarea--html-textarea",
        invalid && "utrecht-textarea--invalid",
        className,
      )}
      {...rest}
    />
  );
});

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean };

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { invalid, className, ...rest },
  ref,
) {
  return (
    <select
      ref={ref}
      aria-invalid={invalid || undefined}
      className={cx("utrecht-select", "utrecht-select--html-select", invalid && "utrecht-select--invalid", className)}
      {...rest}
    />
  );
});

export function RadioButton({ className, ...rest }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      type="radio"
      className={cx("utrecht-radio-button", "utrecht-radio-button--html-input", className)}
      {...rest}
    />
  );
}

export function Checkbox({ className, ...rest }: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <input
      type="checkbox"
      className={cx("utrecht-checkbox", "utrecht-checkbox--html-input", className)}
      {...rest}
    />
  );
}

export function FormLabel({
  className,
  type,
  ...rest
}: LabelHTMLAttributes<HTMLLabelElement> & { type?: "radio" | "checkbox" }) {
  return (
    <label
      className={cx("utrecht-form-label", type && `utrecht-form-label--${type}`, className)}
      {...rest}
    />
  );
}

export function FormField({
  className,
  invalid,
  type,
  ...rest
}: HTMLAttributes<HTMLDivElement> & { invalid?: boolean; type?: "text" | "radio" | "checkbox" }) {
  return (
    <div
      className={cx(
        "utrecht-form-field",
        type && `utrecht-form-field--${type}`,
        invalid && "utrecht-form-field--invalid",
        className,
      )}
      {...rest}
    />
  );
}

/** The label part of a FormField (holds the FormLabel). */
export function FormFieldLabel({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-form-field__label", className)} {...rest} />;
}

/** The input part of a FormField (holds the control, and any buttons next to it). */
export function FormFieldInput({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-form-field__input", className)} {...rest} />;
}

export function FormFieldDescription({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-form-field-description", className)} {...rest} />;
}

export function FormFieldErrorMessage({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-form-field-error-message", className)} {...rest} />;
}

export function Fieldset({
  legend,
  children,
  className,
  invalid,
  ...rest
}: HTMLAttributes<HTMLFieldSetElement> & { legend: ReactNode; invalid?: boolean }) {
  return (
    <fieldset
      className={cx(
        "utrecht-form-fieldset",
        "utrecht-form-fieldset--html-fieldset",
        invalid && "utrecht-form-fieldset--invalid",
        className,
      )}
      {...rest}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

// --- Feedback --------------------------------------------------------------------------------

export type AlertType = "info" | "ok" | "warning" | "error";

const alertLabel: Record<AlertType, string> = {
  info: "Informatie",
  ok: "Gelukt",
  warning: "Let op",
  error: "Fout",
};

const alertIcon: Record<AlertType, string> = {
  info: "i",
  ok: "✓",
  warning: "!",
  error: "✕",
};

/**
 * An alert. The role is chosen by the caller: `alert` for errors that need attention now,
 * `status` for results; the text label ("Fout", "Gelukt", …) makes the type clear without
 * colour.
 */
export function Alert({
  type = "info",
  children,
  className,
  role,
  heading,
  ...rest
}: HTMLAttributes<HTMLDivElement> & { type?: AlertType; heading?: ReactNode }) {
  return (
    <div className={cx("utrecht-alert", `utrecht-alert--${type}`, "rb-alert", className)} role={role} {...rest}>
      <span className="utrecht-alert__icon rb-alert__icon" aria-hidden="true">
        {alertIcon[type]}
      </span>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph rb-alert__heading">
            <strong>{heading ?? alertLabel[type]}</strong>
          </p>
          {children}
        </div>
      </div>
    </div>
  );
}

export function StatusBadge({
  status,
  className,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & {
  status: "neutral" | "warning" | "danger" | "valid" | "safe" | "active" | "inactive" | "error" | "success";
}) {
  return <span className={cx("utrecht-status-badge", `utrecht-status-badge--${status}`, className)} {...rest} />;
}

// --- Tables ------------------------------------------------------------------------------------

export function Table({ className, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  return <table className={cx("utrecht-table", "utrecht-table--html-table", className)} {...rest} />;
}

export function TableCaption({ className, ...rest }: HTMLAttributes<HTMLTableCaptionElement>) {
  return <caption className={cx("utrecht-table__caption", className)} {...rest} />;
}

export function TableHeader({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx("utrecht-table__header", className)} {...rest} />;
}

export function TableBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx("utrecht-table__body", className)} {...rest} />;
}

export function TableRow({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("utrecht-table__row", className)} {...rest} />;
}

export function TableHeaderCell({
  className,
  scope = "col",
  numeric,
  ...rest
}: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <th
      scope={scope}
      className={cx(
        "utrecht-table__header-cell",
        numeric && "utrecht-table__header-cell--numeric-column",
        className,
      )}
      {...rest}
    />
  );
}

export function TableCell({
  className,
  numeric,
  ...rest
}: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return (
    <td
      className={cx(
        "utrecht-table__cell",
        numeric && "utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data",
        className,
      )}
      {...rest}
    />
  );
}

/** A table wrapper that scrolls sideways on its own instead of the page. */
export function TableContainer({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-table-container", "rb-table-container", className)} {...rest} />;
}

// --- Lists and links -----------------------------------------------------------------------------

export function UnorderedList({ className, ...rest }: HTMLAttributes<HTMLUListElement>) {
  return <ul className={cx("utrecht-unordered-list", className)} {...rest} />;
}

export function UnorderedListItem({ className, ...rest }: HTMLAttributes<HTMLLIElement>) {
  return <li className={cx("utrecht-unordered-list__item", className)} {...rest} />;
}

export function Link({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={cx("utrecht-link", className)} {...rest} />;
}

// --- Page shell: skip link, page header, navigation bar ---------------------------------------------

/** "Naar de inhoud": hidden until it gets focus. */
export function SkipLink({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={cx("utrecht-skip-link", "utrecht-skip-link--visible-on-focus", className)} {...rest} />;
}

export function PageHeader({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <header className={cx("utrecht-page-header", className)} {...rest} />;
}

export function PageHeaderContent({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-page-header__content", className)} {...rest} />;
}

export function NavBar({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <nav className={cx("utrecht-nav-bar", className)} {...rest} />;
}

export function NavBarContent({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx("utrecht-nav-bar__content", className)} {...rest} />;
}

export function NavList({ className, ...rest }: HTMLAttributes<HTMLUListElement>) {
  return <ul className={cx("utrecht-nav-list", className)} {...rest} />;
}

export function NavListItem({ className, ...rest }: HTMLAttributes<HTMLLIElement>) {
  return <li className={cx("utrecht-nav-list__item", className)} {...rest} />;
}

export function NavListLink({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={cx("utrecht-nav-list__link", "utrecht-link", className)} {...rest} />;
}

// --- Misc ----------------------------------------------------------------------------------------

export function CodeBlock({ className, ...rest }: HTMLAttributes<HTMLPreElement>) {
  return <pre className={cx("utrecht-code-block", className)} {...rest} />;
}

export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="rb-visually-hidden">{children}</span>;
}
