export default function HomePage() {
  return (
    <main className="mx-auto max-w-6xl p-4">
      <h1 className="text-2xl font-semibold">AI shock: how the market reacted to Stargate and DeepSeek</h1>
      <p>The dashboard is on its way; the API serves prices and events now.</p>
    </main>
  )
}
