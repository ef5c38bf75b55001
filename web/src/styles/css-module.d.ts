/** Stylesheets imported as text (esbuild's "text" loader), for the embed's shadow root. */
declare module '*.css' {
  const css: string;
  export default css;
}
