import {
  FluentProvider,
  Link,
  Spinner,
  Subtitle1,
  Text,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../core/host";
import type { OfficeStart } from "../excel/office-boot";
import { CheckerView } from "./App";
import { FileMode, type OpenWorkbook } from "./FileMode";
import { usePaneStyles } from "./pane-styles";

export interface StartupProps {
  /** Office.onReady's answer, however long it takes. */
  officeReady: Promise<OfficeStart>;
  createExcelHost: () => WorkbookHost;
  openWorkbook: OpenWorkbook;
  /** File mode has started: load what opening a file needs while the officer finds the file. */
  prepareFiles?: () => void;
}

type Mode =
  { kind: "connecting" } | { kind: "excel"; host: WorkbookHost; dark: boolean } | { kind: "file" };

function Connecting({ onOpenFile }: { onOpenFile: () => void }) {
  const pane = usePaneStyles();
  return (
    <main className={pane.pane}>
      <Subtitle1 as="h1">Governance schedule checker</Subtitle1>
      <Spinner size="small" label="Connecting to Excel…" labelPosition="after" />
      <Text>
        Not in Excel, or tired of waiting?{" "}
        <Link as="button" onClick={onOpenFile}>
          Open a file instead
        </Link>
      </Text>
    </main>
  );
}

/**
 * The pane until Office answers: "Connecting to Excel…" for as long as it takes, then the checker
 * on the open workbook; file mode where there is no Office, or when the user asks for it.
 */
export function Startup({
  officeReady,
  createExcelHost,
  openWorkbook,
  prepareFiles,
}: StartupProps) {
  const [mode, setMode] = useState<Mode>({ kind: "connecting" });
  useEffect(() => {
    let live = true;
    void officeReady.then((office) => {
      if (!live) return;
      // Once the user has chosen a file, Excel answering late does not take it away from them.
      setMode((m) =>
        m.kind !== "connecting"
          ? m
          : office.host === "Excel"
            ? { kind: "excel", host: createExcelHost(), dark: office.dark }
            : { kind: "file" }
      );
    });
    return () => {
      live = false;
    };
  }, [officeReady, createExcelHost]);

  const dark = mode.kind === "excel" && mode.dark;
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      {mode.kind === "connecting" && <Connecting onOpenFile={() => setMode({ kind: "file" })} />}
      {mode.kind === "excel" && <CheckerView host={mode.host} />}
      {mode.kind === "file" && <FileMode openWorkbook={openWorkbook} prepare={prepareFiles} />}
    </FluentProvider>
  );
}
