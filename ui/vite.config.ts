/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The app is loaded by the Tauri webview from ui/dist (WebKitGTK 2.50 on Linux): relative
// asset paths, and nothing is fetched from the internet at run time.
export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    sourcemap: false,
    // Keep every asset a file next to index.html (no data: inlining of our own assets).
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // Observable Plot and d3 (the charts of Vergelijken) in a file of their own.
        manualChunks: { plot: ["@observablehq/plot"] },
      },
    },
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    restoreMocks: true,
  },
});
