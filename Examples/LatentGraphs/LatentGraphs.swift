@main
struct LatentGraphs {
    static func main() {}
}
