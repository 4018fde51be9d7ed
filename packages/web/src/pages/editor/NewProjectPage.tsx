/** Placeholder: built in this session. */
export default function NewProjectPage() {
  return <div>NewProjectPage</div>;
}
