/** Placeholder: built in this session. */
export default function PublicDisclosure() {
  return <div>PublicDisclosure</div>;
}
