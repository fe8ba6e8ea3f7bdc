export default function UnitsPage() {
  return null;
}
