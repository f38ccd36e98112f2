export { issue, type Checked, type FieldIssue, type IssueCode, type RowIssue } from "./issue";
export { check, entriesObject, toIssues } from "./parse";
export { errorBody, invalidResponse, issueMessage, renderIssue, type ErrorEntry, type FieldLabels } from "./render";
export * as field from "./fields";
