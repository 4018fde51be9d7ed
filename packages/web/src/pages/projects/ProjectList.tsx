/** Placeholder: built in this session. */
export default function ProjectList() {
  return <div>ProjectList</div>;
}
