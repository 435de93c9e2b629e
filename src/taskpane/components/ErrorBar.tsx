import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";

export interface ErrorBarProps {
  message: string;
  onDismiss: () => void;
}

/** An error from Excel or the file, in words, with a way to put it away. */
export function ErrorBar({ message, onDismiss }: ErrorBarProps) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Something went wrong</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            aria-label="Dismiss the message"
            icon={<DismissRegular />}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
}
