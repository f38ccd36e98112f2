export { Button, ButtonLink, type ButtonVariant } from "./Button";
export { Card } from "./Card";
export { Checkbox } from "./Checkbox";
export { ErrorSummary, type ErrorSummaryItem } from "./ErrorSummary";
export { Field, FieldError, type FieldControlProps } from "./Field";
export { Notice, type NoticeTone } from "./Notice";
export { Select, type SelectOption } from "./Select";
export { Table, type TableColumn, type TableSort } from "./Table";
export { Tag } from "./Tag";
