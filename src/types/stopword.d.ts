// The stopword package ships no type declarations; only the lists this project reads are declared.
declare module "stopword" {
  export const fra: string[];
  export const eng: string[];
  export const rus: string[];
}
