/**
 * office-addin-mock imports only the OfficeApp enum from office-addin-manifest, whose ESM-only
 * dependencies jest cannot load; jest maps the module to this stub.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
