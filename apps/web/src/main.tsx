import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { initialLanguage, loadRegisteredTexts } from "@/lib/i18n";
import { App } from "./app";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The shell's texts (and those of anything else loaded with it) come in the language the app starts in, before its
// first render; the other language loads only when someone switches to it.
void loadRegisteredTexts(initialLanguage()).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
