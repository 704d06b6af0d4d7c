import { ImportWizard } from "../components/import-wizard";

/** Users › Add multiple users. */
export function UsersImportRoute() {
  return <ImportWizard kind="users" />;
}

/** Licenses › Import assignments: the license assignment CSV through the same steps, without user options. */
export function LicensesImportRoute() {
  return <ImportWizard kind="licenses" />;
}
