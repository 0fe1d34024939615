// tsconfig uses node10 resolution, which ignores package "exports"; Parcel and Vite map
// "diff/lib/diff/array.js" to libesm/diff/array.js through them. Same typings as the index.
declare module "diff/lib/diff/array.js" {
  export { diffArrays } from "diff"
}
