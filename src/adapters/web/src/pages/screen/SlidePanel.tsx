/** A slide the secretariat put on screen: a title and a few lines, large. */
export function SlidePanel({ title, lines }: { readonly title: string; readonly lines: readonly string[] }) {
  return (
    <div className="screen-slide" data-testid="screen-slide">
      <div className="screen-slide-title">{title}</div>
      {lines.map((line, i) => (
        // Lines may repeat; their place is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: the order is the content
        <div key={i} className="screen-slide-line">
          {line}
        </div>
      ))}
    </div>
  );
}
