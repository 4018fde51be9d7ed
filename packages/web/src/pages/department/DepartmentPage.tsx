/** Placeholder: built in this session. */
export default function DepartmentPage() {
  return <div>DepartmentPage</div>;
}
