// tooltip content as a text node: leaflet treats string content as html, so user text goes in via textContent.
export function textElement(lines: readonly string[]): HTMLElement {
  const element = document.createElement('div');
  element.className = 'planner-tooltip';
  lines.forEach((line, i) => {
    const part = document.createElement(i === 0 ? 'strong' : 'div');
    part.textContent = line;
    element.append(part);
  });
  return element;
}
