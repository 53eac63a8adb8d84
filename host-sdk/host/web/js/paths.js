// Reads and writes answers by field path (`phone`, `members[0].last_four`), as the contract names them.

/** Splits `members[0].user` into ['members', 0, 'user']. */
export function parsePath(path) {
  const parts = [];
  for (const piece of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(piece);
    if (!match) return [path];
    parts.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}

/** The answer at `path`, or undefined. */
export function getAt(answers, path) {
  let node = answers;
  for (const part of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[part];
  }
  return node;
}

/** Stores `value` at `path`, creating rows objects on the way. */
export function setAt(answers, path, value) {
  const parts = parsePath(path);
  let node = answers;
  parts.slice(0, -1).forEach((part, i) => {
    if (node[part] === null || typeof node[part] !== 'object') {
      node[part] = typeof parts[i + 1] === 'number' ? [] : {};
    }
    node = node[part];
  });
  node[parts[parts.length - 1]] = value;
}

/** `members[3].user` for row 3, column `user` of rows field `members`. */
export function rowPath(rowsPath, index, column) {
  return `${rowsPath}[${index}].${column}`;
}

/** True for an answer the user has not given: undefined, '', [] or only blanks. */
export function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** "last_four" -> "Last four", for YAML fields written without a label. */
export function humanize(id) {
  const words = String(id).replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
