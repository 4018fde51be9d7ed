/** Placeholder: built in this session. */
export default function ImportPage() {
  return <div>ImportPage</div>;
}
