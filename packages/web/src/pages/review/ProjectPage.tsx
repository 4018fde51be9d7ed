/** Placeholder: built in this session. */
export default function ProjectPage() {
  return <div>ProjectPage</div>;
}
