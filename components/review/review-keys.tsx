/** The review's keyboard shortcuts. Keyboard help is for keyboards: hidden on phones (narrow screens, touch pointers). */
export function ReviewKeys() {
  return (
    <section aria-labelledby="keys" className="text-sm text-muted max-sm:hidden pointer-coarse:hidden">
      <h2 id="keys" className="font-semibold">
        Keys
      </h2>
      <ul className="mt-1 grid gap-1 sm:grid-cols-2">
        <li>
          <kbd className="font-mono">Space</kbd> or <kbd className="font-mono">Enter</kbd>: show the answer
        </li>
        <li>
          <kbd className="font-mono">1</kbd> to <kbd className="font-mono">4</kbd>: Again, Hard, Good, Easy
        </li>
        <li>
          <kbd className="font-mono">Ctrl+Z</kbd> or <kbd className="font-mono">⌘Z</kbd>: undo the last rating
        </li>
        <li>Estimation steps: type your answer, then Enter</li>
      </ul>
    </section>
  );
}
