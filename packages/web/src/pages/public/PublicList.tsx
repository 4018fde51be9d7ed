/** Placeholder: built in this session. */
export default function PublicList() {
  return <div>PublicList</div>;
}
