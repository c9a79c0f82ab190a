export default function Home() {
  return <main>Callpace</main>;
}
