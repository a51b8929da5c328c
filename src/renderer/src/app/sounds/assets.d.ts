/** The sound files (resources/sounds) are imported as URLs: Vite copies each into the build. */
declare module '*.wav' {
  const url: string;
  export default url;
}
