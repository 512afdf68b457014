import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import "@utrecht/component-library-css/dist/index.css";
import "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
import "./styles.css";

import { App } from "./App";

const root = document.getElementById("root");
if (!root) throw new Error("element #root ontbreekt in index.html");
document.documentElement.lang = "nl";
document.documentElement.classList.add("voorbeeld-theme");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
