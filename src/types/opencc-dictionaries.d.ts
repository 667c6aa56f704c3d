// opencc-js ships its dictionaries as modules without type declarations: "key value|key value…".
declare module 'opencc-js/dict/*' {
  const dictionary: string
  export default dictionary
}
