// The parts of graphql `request` needs to read a document of the caller's own, in a module of their own: it is
// imported on first use, so loading the package loads no graphql, and a bundler that splits code puts these in a
// chunk loaded only then.
export { Kind, parse, print } from 'graphql';
