/** The categories of the crash test, shared by the test and its child process. */
export const crashCategories = [
  { id: 'a', prefix: 'A' },
  { id: 'b', prefix: 'B' },
  { id: 'c', prefix: 'C' },
] as const;
