// GraphQL files imported as text (the simulator's schema), inlined by the build.
declare module '*.graphql' {
  const text: string;
  export default text;
}
