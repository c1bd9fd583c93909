/**
 * The category tree read by every submission, kept in this process's memory (filled in with the intake work).
 * Call `categoriesChanged()` after every write to `appeal_categories`, so this instance reads them again.
 */
let generation = 0;
export function categoriesChanged(): void {
  generation++;
}
export function categoriesGeneration(): number {
  return generation;
}
