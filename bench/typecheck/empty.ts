// No package at all: the fixed cost of starting tsc with these settings, for reading the other figures.
export async function main(): Promise<string> {
  return 'nothing';
}
