/** Placeholder: built in this session. */
export default function Workspace() {
  return <div>Workspace</div>;
}
