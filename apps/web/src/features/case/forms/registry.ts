import type { ComponentType } from 'react';
import type { z } from 'zod';
import type { ApiClient } from '../../../api/client';
import type { CaseDetail, WriteBody, WritePath } from '../../../api/types';
import type { Times } from '../../../i18n/times';

/** A form's values: text and choices as strings, several choices as string arrays, yes/no as booleans. */
export type FormValues = Record<string, string | string[] | boolean>;

export interface FieldChoice {
  readonly value: string;
  readonly label: string;
}

/** What a field may show from the case: its hearings to pick one, its charges, its complaints. */
export interface FieldContext {
  readonly detail: CaseDetail;
  readonly t: (key: string, values?: Readonly<Record<string, string | number>>) => string;
  readonly times: Times;
  /** For fields that look people or cases up (`user`, `case`). */
  readonly client: ApiClient;
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'select'
  | 'multiselect'
  | 'checkbox'
  | 'datetime'
  | 'date'
  | 'number'
  /** An account from GET /v1/users (a lawyer to assign). */
  | 'user'
  /** Another case, found by name (GET /v1/cases?q=); never the case itself. */
  | 'case';

/** Which accounts a `user` field offers. */
export interface UserChoices {
  readonly role?: 'lawyer' | 'coordinator';
  /** Only these ids (the case's lawyers, to unassign one). */
  readonly only?: readonly string[];
  /** Not these ids (lawyers already on the case). */
  readonly except?: readonly string[];
}

/** The roles that may write; the auditor and the admin never do. */
export type WriterRole = 'lawyer' | 'coordinator';

/** A last check before an irreversible write: shown after the form validates, it sends only when confirmed. */
export interface ConfirmProps {
  readonly detail: CaseDetail;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export interface FieldSpec {
  /** The key in the form's values. */
  readonly name: string;
  readonly kind: FieldKind;
  /** Catalogue key of the label (every field has one: screen readers name the field by it). */
  readonly label: string;
  /** Catalogue key of a hint under the field. */
  readonly description?: string;
  readonly required?: boolean;
  /** A vocabulary of the contract: its values, each labelled by the catalogue key `<labels>.<value>`. */
  readonly vocabulary?: { readonly labels: string; readonly values: readonly string[] };
  /** Choices taken from the case (a hearing, a charge). */
  readonly choices?: (context: FieldContext) => FieldChoice[];
  /** The body field the API names in `details` when it refuses this one (`facility.name`); default `name`. */
  readonly apiField?: string;
  /** For `user` fields: which accounts it offers, given the case. */
  readonly users?: (detail: CaseDetail) => UserChoices;
}

/**
 * One write of the contract as a form: where it posts, its fields, the schema that checks them (messages are catalogue
 * keys), and how values become the body. The body's type is the contract's (`WriteBody<P>`), so a field the API does
 * not take, or a missing required one, fails to compile.
 */
export interface WriteFormDefinition<P extends WritePath, V extends FormValues> {
  /** Stable name: `?form=<id>` opens it; `console.form.<id>.*` holds its texts. */
  readonly id: string;
  readonly path: P;
  readonly fields: readonly FieldSpec[];
  readonly schema: z.ZodType<V>;
  readonly initial: V;
  /** Values taken from the case over `initial` (the identity form starts from who the person is known to be). */
  readonly initialFrom?: (detail: CaseDetail) => Partial<V>;
  /** Path parameters besides caseId (hearingId, chargeId, complaintId), from the values. */
  readonly pathParams?: (values: V) => Record<string, string>;
  /** The body; `detail` is the case the form was opened on (to send only what changed). */
  readonly toBody: (values: V, timeZone: string, detail: CaseDetail) => NoInfer<WriteBody<P>>;
  /** Whether the form makes sense for the case as it is (an outcome needs a scheduled hearing); default yes. */
  readonly availableFor?: (detail: CaseDetail) => boolean;
  /** Whether the form asks when it happened (occurredAt and its precision); default yes. */
  readonly asksWhen?: boolean;
  /** Who may record it; default lawyers and coordinators (merge and erase are the coordinator's). */
  readonly roles?: readonly WriterRole[];
  /** A confirmation to pass before sending (erase). */
  readonly confirm?: ComponentType<ConfirmProps>;
}

/** A definition with its types erased, to list it beside the others; the checks happened where it was defined. */
export type AnyWriteForm = WriteFormDefinition<WritePath, FormValues>;

export function defineWriteForm<P extends WritePath, V extends FormValues>(
  definition: WriteFormDefinition<P, V>,
): AnyWriteForm {
  return definition as unknown as AnyWriteForm;
}

/** The first of `values` named `name`, as text ('' when absent). */
export function textOf(values: FormValues, name: string): string {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
}
